import { useOutletContext } from 'react-router';
import type { Space } from '../../../common/schemas/spaces.ts';

/** The space a tab of the space page shows (given by the page through its <Outlet>). */
export function useSpaceOfPage(): Space {
  return useOutletContext<{ space: Space }>().space;
}

export const isManager = (space: Space) => space.myRole === 'owner' || space.myRole === 'moderator';
