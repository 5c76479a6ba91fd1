import { Option, type Command } from 'commander';

/** Options every command that reads the config shares. */
export interface ConfigOptions {
  config?: string;
  db?: string[];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds `--config FILE` and repeatable `--db NAME=JDBC_URL` to a command. */
export function withConfigOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-c, --config <file>', 'config file, YAML or JSON (default: ./ferry.yaml)'))
    .addOption(new Option('--db <name=jdbcUrl>', 'a database without a config file (repeatable)').argParser(collect));
}
