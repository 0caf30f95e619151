export { type CalibrationPoint, calibrate, evaluatePoint } from "./calibrate.js";
export { type EvalQuestion, evalQuestionSchema, readQuestions } from "./eval-question.js";
export { type LocalEngine, localEngine } from "./local-engine.js";
export { confidentlyWrong, type EvalOutcome, type EvalReport, runEval, summarize } from "./run-eval.js";
export {
  type ExternalAnswer,
  type ExternalReport,
  type Judgement,
  readJudgements,
  runExternal,
  tallyJudgements,
} from "./run-external.js";
