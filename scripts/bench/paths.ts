// Where the benchmark finds the project.
import path from 'node:path';

export const projectRoot = path.join(__dirname, '..', '..');
export const bundledRulesDir = path.join(projectRoot, 'rules');
