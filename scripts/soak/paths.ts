// Where the soak finds the project, the bundled rules it copies and the scenario cases it sends.
import path from 'node:path';

export const projectRoot = path.join(__dirname, '..', '..');
export const bundledRulesDir = path.join(projectRoot, 'rules');
export const scenariosDir = path.join(projectRoot, 'test', 'scenarios');
