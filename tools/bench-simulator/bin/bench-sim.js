#!/usr/bin/env node
// Launcher only: the simulator is TypeScript compiled to dist (run `npm run build` first).
import '../dist/main.js';
