// Worker-thread entry: builds the BM25 data of the corpus it is sent and hands it back with its
// buffers transferred, so the thread that answers citizens only adopts it (see build-lexical-in-worker.ts).
import { parentPort, workerData } from "node:worker_threads";
import {
  buildLexicalData,
  type LexicalOptions,
  lexicalTransferList,
  type RankedDoc,
} from "./lexical-index.js";

const { docs, options } = workerData as { docs: RankedDoc[]; options?: LexicalOptions };
const data = buildLexicalData(docs, options);
parentPort?.postMessage(data, lexicalTransferList(data));
