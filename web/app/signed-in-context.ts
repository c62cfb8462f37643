// The signed-in person and their organisation, for every page inside the Shell.
// Provided by the route guard, so a page never renders without them.
import { createContext, useContext } from 'react';
import type { Me } from '../../common/schemas/session.ts';

export interface SignedIn {
  user: Me;
  organisationName: string;
}

export const SignedInContext = createContext<SignedIn | null>(null);

export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn() outside a signed-in page');
  return value;
}
