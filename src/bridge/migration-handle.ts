import { MigrationPlan, PhaseResult, type MigrationPhase, type MigrationRequest } from './contract.gen.js';
import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';
import { decode, encode } from './messages.js';

/** The Java `dev.ferry.wire.MigrationTask` as java-bridge exposes it. */
interface JavaMigrationTask {
  plan(): Promise<Buffer>;
  run(phase: Buffer): Promise<Buffer>;
  runTable(phase: Buffer, table: Buffer): Promise<Buffer>;
}

/**
 * Node's handle on one JVM-side migration: the plan made when it opened, and its structure
 * phases run one by one (Node loads the tables with copy jobs in between).
 *
 * @example
 * const m = await MigrationHandle.open(engine, { from: 'old', to: 'new' });
 * const plan = await m.plan();
 * await m.run('tables');
 */
export class MigrationHandle {
  private constructor(private readonly java: JavaMigrationTask, readonly request: MigrationRequest) {}

  /** Plans the migration on the JVM (reads both databases; writes nothing). */
  static async open(engine: EngineHandle, request: MigrationRequest): Promise<MigrationHandle> {
    return new MigrationHandle((await engine.migration(encode(request))) as JavaMigrationTask, request);
  }

  /** The plan: tables in load order, structure steps per phase, warnings, what is skipped. */
  async plan(): Promise<MigrationPlan> {
    return decode(MigrationPlan, await this.call(() => this.java.plan(), 'reading the migration plan'), 'migration plan');
  }

  /** Runs one structure phase on the target. */
  async run(phase: MigrationPhase): Promise<PhaseResult> {
    return decode(PhaseResult, await this.call(() => this.java.run(Buffer.from(phase, 'utf8')), `running the ${phase} phase`), 'phase result');
  }

  /**
   * Runs the steps of one phase (`constraints` or `foreign-keys`) that concern one target table;
   * calls for different tables may overlap each other and other tables' loads.
   */
  async runTable(phase: 'constraints' | 'foreign-keys', table: string): Promise<PhaseResult> {
    return decode(PhaseResult, await this.call(() => this.java.runTable(Buffer.from(phase, 'utf8'), Buffer.from(table, 'utf8')), `running the ${phase} steps of ${table}`), 'phase result');
  }

  private async call(f: () => Promise<Buffer>, doing: string): Promise<Buffer> {
    try {
      return await f();
    } catch (e) {
      throw toFerryError(e, `${doing} of the migration ${this.request.from} → ${this.request.to}`);
    }
  }
}
