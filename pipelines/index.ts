import type { FormDefinition } from '../src/forms/definition.js';
import { evaluationScoring } from './evaluation-scoring.js';
import { projectGoalDeclaration } from './project-goal-declaration.js';
import { projectSelfAssessment } from './project-self-assessment.js';
import { projectSelfEvaluation } from './project-self-evaluation.js';

export { STANDARD_HIERARCHY } from './standard-hierarchy.js';

/** Every form family jixiao knows, in the order their titles are tried. */
export const FORM_DEFINITIONS: readonly FormDefinition[] = Object.freeze([
  projectSelfEvaluation,
  projectSelfAssessment,
  projectGoalDeclaration,
  evaluationScoring,
]);
