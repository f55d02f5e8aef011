/**
 * Whether the person using the page may change the network (accept or dismiss a suggestion, undo
 * it). The one place the editor check goes: until accounts exist (a later issue) everyone may,
 * and the server will refuse a write from anyone else whatever this says.
 */
export function useCanEdit(): boolean {
  return true;
}
