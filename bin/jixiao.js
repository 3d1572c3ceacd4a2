#!/usr/bin/env node
// The built CLI (npm ci builds dist/ through the `prepare` script).
import('../dist/src/cli/run.js');
