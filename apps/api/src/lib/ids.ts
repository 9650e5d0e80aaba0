import { v7 } from 'uuid';

/** A new resource id: UUIDv7, time-ordered (good for keyset pagination) and not enumerable. */
export function newId(): string {
  return v7();
}
