/** What every attachment store does. */
export interface Storage {
  /** Stores the bytes under the key; a key is written once. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
