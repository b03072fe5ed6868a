// What the bench and its server child say to each other over the IPC channel.
export type ToServer =
  { type: 'memory' } | { type: 'server-times' } | { type: 'decide'; count: number } | { type: 'stop' };

export type FromServer =
  | { type: 'listening'; port: number }
  /** RSS now and at its highest since the last report; the heap after a full GC. */
  | { type: 'memory'; rss: number; peakRss: number; heapAfterGc: number }
  | { type: 'server-times'; ms: number[] };
