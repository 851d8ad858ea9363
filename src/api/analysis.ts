import type { OcrClient } from './client';
import type {
  Analysis,
  AnalysisKind,
  CallOptions,
  CreditCardResult,
  IdCardAnalysis,
  IdCardResult,
  ImageInput,
} from './types';

export type AnalysisOutcome =
  | ({ kind: 'credit-card' } & Analysis<CreditCardResult>)
  | ({ kind: 'id-card' } & IdCardAnalysis)
  | ({ kind: 'id-card-stand-alone' } & Analysis<IdCardResult>);

export interface AnalyzeVariables extends CallOptions {
  kind: AnalysisKind;
  image: ImageInput;
}

/** One analysis of any kind through `client`, as an outcome tagged with its kind. */
export async function analyzeWith(
  client: OcrClient,
  { kind, image, ...call }: AnalyzeVariables,
): Promise<AnalysisOutcome> {
  switch (kind) {
    case 'credit-card':
      return { kind, ...(await client.analyzeCreditCard(image, call)) };
    case 'id-card':
      return { kind, ...(await client.analyzeIdCard(image, call)) };
    case 'id-card-stand-alone':
      return { kind, ...(await client.analyzeIdCardStandAlone(image, call)) };
  }
}
