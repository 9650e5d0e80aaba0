/** The `path` of every field error in a problem response, space-separated. */
export function errorPaths(response: { json(): { errors: { path: string }[] } }): string {
  return response
    .json()
    .errors.map((error) => error.path)
    .join(' ');
}
