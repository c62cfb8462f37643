// People: the directory, profiles and skills, endorsements, the org chart and "who knows".
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn, QueryIn } from '../../common/endpoint.ts';
import type { PersonDetail, Skill } from '../../common/schemas/people.ts';
import { call } from './client.ts';
import { uploadPhoto } from './uploads.ts';

export type PeopleFilters = Omit<NonNullable<QueryIn<typeof api.listPeople>>, 'cursor' | 'limit'>;
export type ExpertiseFilters = NonNullable<QueryIn<typeof api.whoKnows>>;

export const personKey = (id: string) => ['person', id] as const;

export function usePeople(filters: PeopleFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['people', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.listPeople, { query: { ...filters, cursor: pageParam, limit: 25 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDirectory(enabled = true) {
  return useQuery({
    queryKey: ['directory'],
    queryFn: ({ signal }) => call(api.getDirectory, { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: personKey(id),
    queryFn: ({ signal }) => call(api.getPerson, { params: { id }, signal }),
  });
}

/** Lists that show people's names, jobs and photos: refreshed after a profile changes. */
function invalidatePeopleLists(queryClient: QueryClient) {
  for (const key of ['people', 'org', 'expertise', 'experts', 'profile']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

function updatePerson(queryClient: QueryClient, id: string, change: (p: PersonDetail) => PersonDetail) {
  queryClient.setQueryData<PersonDetail>(personKey(id), (person) => (person ? change(person) : person));
}

export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateMyProfile>) => call(api.updateMyProfile, { body }),
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(person.person.id), person);
      invalidatePeopleLists(queryClient);
    },
  });
}

export function useSetMySkills(meId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (skills: string[]) => call(api.setMySkills, { body: { skills } }),
    onSuccess: ({ items }) => {
      updatePerson(queryClient, meId, (p) => ({ ...p, skills: items }));
      void queryClient.invalidateQueries({ queryKey: ['expertise'] });
    },
  });
}

/** Upload a photo (already shrunk), or remove it with `null`. */
export function useSetMyPhoto(meId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => (file ? uploadPhoto(file) : call(api.deleteMyPhoto)),
    onSuccess: ({ photoUrl }) => {
      updatePerson(queryClient, meId, (p) => ({ ...p, person: { ...p.person, photoUrl } }));
      invalidatePeopleLists(queryClient);
    },
  });
}

export function useEndorseSkill(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, endorse }: { key: string; endorse: boolean }) =>
      call(endorse ? api.endorseSkill : api.unendorseSkill, { params: { id: personId, key } }),
    onSuccess: (skill: Skill) => {
      updatePerson(queryClient, personId, (p) => ({
        ...p,
        skills: p.skills.map((s) => (s.key === skill.key ? skill : s)),
      }));
      void queryClient.invalidateQueries({ queryKey: ['expertise'] });
    },
  });
}

export function useOrgRoots() {
  return useQuery({
    queryKey: ['org', 'roots'],
    queryFn: ({ signal }) => call(api.getOrgRoots, { signal }),
  });
}

export function useOrgChart(id: string) {
  return useQuery({
    queryKey: ['org', id],
    queryFn: ({ signal }) => call(api.getOrgChart, { params: { id }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWhoKnows(query: ExpertiseFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['expertise', query],
    queryFn: ({ signal }) => call(api.whoKnows, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Administrators: a person's job title, department, site and manager. */
export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyIn<typeof api.updateOrganisation> }) =>
      call(api.updateOrganisation, { params: { id }, body }),
    onSuccess: () => {
      // A new department or site name creates it: the directory's lists change too.
      for (const key of ['users', 'audit', 'person', 'directory']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
      invalidatePeopleLists(queryClient);
    },
  });
}
