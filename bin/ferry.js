#!/usr/bin/env node
// Entry for the `ferry` command: the compiled CLI lives in dist/.
import { main } from '../dist/cli/main.js';

await main();
