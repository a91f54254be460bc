/** Minutes east of UTC on this device at `at`, the form in which src/domain/tasks.ts takes the reader's zone. */
export function zoneOffset(at: number): number {
  return -new Date(at).getTimezoneOffset();
}
