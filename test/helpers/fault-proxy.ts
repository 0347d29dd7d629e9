// A TCP proxy between a desktop's sync worker and the server that misbehaves on
// purpose, driven by a seeded PRNG so that a run can be repeated. Per request it
// may: refuse the connection, lose the request before the server sees it, lose
// the answer after the server acted on it, cut the answer in the middle, delay
// it, or replay the request's bytes to the server on a second connection (the
// server then sees the same request twice). `offline` refuses everything, which
// is how a test takes one desktop off the network while the other stays on.
import net from 'node:net';

/** mulberry32: a small, good-enough PRNG with a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Chances per request (each in [0, 1], summing to at most 1 per phase). */
export interface FaultPlan {
  refuse: number;
  loseRequest: number;
  loseAnswer: number;
  cutAnswer: number;
  duplicate: number;
  delay: number;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultPlan = { refuse: 0, loseRequest: 0, loseAnswer: 0, cutAnswer: 0, duplicate: 0, delay: 0, maxDelayMs: 0 };

/** `replayed`: duplicates the server answered, so it did read the same request twice. */
export type FaultCounts = Record<'connections' | 'requests' | 'replayed' | keyof Omit<FaultPlan, 'maxDelayMs'>, number>;

export class FaultProxy {
  private down = false;
  readonly counts: FaultCounts = {
    connections: 0,
    requests: 0,
    replayed: 0,
    refuse: 0,
    loseRequest: 0,
    loseAnswer: 0,
    cutAnswer: 0,
    duplicate: 0,
    delay: 0,
  };
  private readonly sockets = new Set<net.Socket>();
  private readonly random: () => number;

  private constructor(
    private readonly server: net.Server,
    private readonly target: { port: number },
    private readonly plan: FaultPlan,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    server.on('connection', (client) => this.accept(client));
  }

  static async start(targetPort: number, options: { seed?: number; plan?: FaultPlan } = {}): Promise<FaultProxy> {
    const server = net.createServer();
    const proxy = new FaultProxy(server, { port: targetPort }, options.plan ?? NO_FAULTS, options.seed ?? 1);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** Off: open connections are cut and new ones refused, as when the cable is pulled. */
  get offline(): boolean {
    return this.down;
  }

  set offline(value: boolean) {
    this.down = value;
    if (value) for (const socket of this.sockets) socket.destroy();
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: net.Socket): net.Socket {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  }

  private accept(client: net.Socket): void {
    this.track(client);
    this.counts.connections++;
    if (this.offline || this.roll(this.plan.refuse)) {
      if (!this.offline) this.counts.refuse++;
      client.destroy();
      return;
    }
    const upstream = this.track(net.connect(this.target.port, '127.0.0.1'));
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());

    // Everything the client sent on this connection: what a duplicate replays.
    const sent: Buffer[] = [];
    let answering = true; // true between requests: the next client bytes start a new request
    let answerFault: 'none' | 'lose' | 'cut' | 'delay' = 'none';
    let delayMs = 0;

    client.on('data', (chunk: Buffer) => {
      if (answering) {
        answering = false;
        this.counts.requests++;
        if (this.roll(this.plan.loseRequest)) {
          this.counts.loseRequest++;
          kill();
          return;
        }
      }
      sent.push(chunk);
      upstream.write(chunk);
    });

    upstream.on('data', (chunk: Buffer) => {
      if (!answering) {
        // The first bytes of an answer: the server has read the whole request and acted on it.
        answering = true;
        answerFault = this.pickAnswerFault();
        if (answerFault === 'delay') delayMs = 1 + Math.floor(this.random() * this.plan.maxDelayMs);
        if (this.roll(this.plan.duplicate)) {
          this.counts.duplicate++;
          this.replay(Buffer.concat(sent));
        }
      }
      switch (answerFault) {
        case 'lose':
          kill();
          return;
        case 'cut':
          client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), () => kill());
          return;
        case 'delay':
          upstream.pause();
          setTimeout(() => {
            if (!client.destroyed) client.write(chunk);
            upstream.resume();
          }, delayMs);
          return;
        case 'none':
          client.write(chunk);
      }
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  }

  private pickAnswerFault(): 'none' | 'lose' | 'cut' | 'delay' {
    const r = this.random();
    const { loseAnswer, cutAnswer, delay } = this.plan;
    if (r < loseAnswer) {
      this.counts.loseAnswer++;
      return 'lose';
    }
    if (r < loseAnswer + cutAnswer) {
      this.counts.cutAnswer++;
      return 'cut';
    }
    if (r < loseAnswer + cutAnswer + delay) {
      this.counts.delay++;
      return 'delay';
    }
    return 'none';
  }

  /** Sends the same bytes to the server again; whatever it answers is thrown away. */
  private replay(bytes: Buffer): void {
    const again = this.track(net.connect(this.target.port, '127.0.0.1'));
    // Not half-closed: a server may drop a request whose client already said goodbye.
    again.once('data', () => {
      this.counts.replayed++;
      setTimeout(() => again.destroy(), 100).unref();
    });
    again.on('connect', () => again.write(bytes));
    setTimeout(() => again.destroy(), 5_000).unref();
  }

  private roll(chance: number): boolean {
    return chance > 0 && this.random() < chance;
  }
}
