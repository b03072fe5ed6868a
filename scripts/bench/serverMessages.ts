// What the bench and its server child say to each other over the IPC channel.
export type ToServer =
  { type: 'memory' } | { type: 'server-times' } | { type: 'decide'; count: number } | { type: 'stop' };

export type FromServer =
  | { type: 'listening'; port: number }
  /** RSS now and at its highest since the last report; the heap after a full GC. */
  | { type: 'memory'; rss: number; peakRss: number; heapAfterGc: number }
  /**
   * Per request: from its arrival, and from its last byte (the whole body received), until the app has ended the
   * response. A large body's upload takes as long as the client takes to send it, which is not the server's time.
   * `cpuMicros`: the CPU time (user and system) the whole process used over the same span.
   */
  | { type: 'server-times'; ms: number[]; msAfterBody: number[]; cpuMicros: number };
