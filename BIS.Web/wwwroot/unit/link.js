// The link to /hubs/units. SignalR only carries messages: on every connect and reconnect the tablet says the last seq
// it applied and gets exactly what it missed; it applies by seq (a duplicate is ignored, a gap asks again).
/* global signalR */

// The default policy gives up after four tries; a tablet in a dead zone must keep trying until it is back.
const DELAYS = [0, 1000, 2000, 5000, 10000, 15000];
const delayOf = (attempt) => DELAYS[Math.min(attempt, DELAYS.length - 1)];
const PAGE = 500;

// SignalR logs a failed connection as console.error; losing the link is expected here and shown in the banner.
const quietLogger = { log() {} };

export class UnitLink {
  /**
   * @param {object} options
   * @param {() => (string|null)} options.token device token, or null for the firefighter's cookie
   * @param {() => number} options.lastSeq last applied seq
   * @param {(list: object[]) => Promise<void>} options.apply stores messages (already in order, no duplicates)
   * @param {(state: {connected: boolean, caughtUp: boolean, error?: any}) => void} options.onState
   */
  constructor({ token, lastSeq, apply, onState }) {
    this.lastSeq = lastSeq;
    this.apply = apply;
    this.onState = onState;
    this.caughtUp = false;
    this.queue = Promise.resolve();
    this.stopped = false;

    const builder = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/units", token() ? { accessTokenFactory: () => token() ?? "" } : {})
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => delayOf(context.previousRetryCount) })
      .configureLogging(quietLogger);
    this.connection = builder.build();
    this.connection.serverTimeoutInMilliseconds = 20000;
    this.connection.keepAliveIntervalInMilliseconds = 10000;

    this.connection.on("Message", (message) => this.serial(() => this.receive([message])));
    this.connection.onreconnecting((error) => this.state(false, error));
    this.connection.onreconnected(() => this.serial(() => this.resume()));
    // Automatic reconnect ends when its policy says so or the first start fails: start again, forever.
    this.connection.onclose((error) => {
      this.state(false, error);
      if (!this.stopped) {
        this.startLoop(1);
      }
    });
  }

  start() {
    this.startLoop(0);
  }

  async stop() {
    this.stopped = true;
    await this.connection.stop();
  }

  async startLoop(attempt) {
    for (let i = attempt; !this.stopped; i++) {
      await new Promise((resolve) => setTimeout(resolve, delayOf(i)));
      if (this.connection.state !== signalR.HubConnectionState.Disconnected) {
        return;
      }
      try {
        await this.connection.start();
        await this.serial(() => this.resume());
        return;
      } catch (error) {
        this.state(false, error);
        if (error?.statusCode === 401 || error?.statusCode === 403) {
          // Revoked token or no unit: the page checks who we are; retrying will not help until that changes.
          this.onState({ connected: false, caughtUp: false, refused: true, error });
        }
      }
    }
  }

  /** Runs hub work one piece at a time, so a pushed message and a Resume page never interleave. */
  serial(work) {
    this.queue = this.queue.then(work).catch((error) => this.state(this.isConnected, error));
    return this.queue;
  }

  get isConnected() {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }

  state(connected, error) {
    if (!connected) {
      this.caughtUp = false;
    }
    this.onState({ connected, caughtUp: this.caughtUp, error });
  }

  async resume() {
    this.caughtUp = false;
    this.state(true);
    for (;;) {
      const page = await this.connection.invoke("Resume", this.lastSeq);
      await this.receive(page, true);
      if (page.length < PAGE) {
        break;
      }
    }
    this.caughtUp = true;
    this.state(true);
  }

  async receive(list, fromResume = false) {
    const fresh = [];
    let expected = this.lastSeq + 1;
    for (const message of list) {
      if (message.seq < expected) {
        continue; // already applied
      }
      if (message.seq > expected) {
        // A gap: something was missed (pushed while we were resuming, or lost on the way): ask again from what we have.
        if (fresh.length > 0) {
          await this.commit(fresh);
        }
        if (!fromResume) {
          await this.resume();
        }
        return;
      }
      fresh.push(message);
      expected++;
    }
    if (fresh.length > 0) {
      await this.commit(fresh);
    }
  }

  async commit(list) {
    await this.apply(list);
    this.lastSeq = list[list.length - 1].seq;
    if (this.isConnected) {
      await this.connection.invoke("Received", this.lastSeq);
    }
  }

  invoke(method, ...args) {
    return this.connection.invoke(method, ...args);
  }
}
