// Client-side only: the static build has no server at run time.
export const ssr = false;
export const prerender = false;
