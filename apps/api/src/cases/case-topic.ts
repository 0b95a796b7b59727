import { INPUT_TOPICS } from '@fengqiao/contracts';
import { type ApiOptions } from '../infra/api-options';

/**
 * The case topic the API produces to. Tests give it a private copy through the API options; a
 * `casesTopic` field in ApiOptions itself is requested from the infra owner, until then it rides
 * along as an extra property of the options object.
 */
export interface CasesTopicOption {
  readonly casesTopic?: string;
}

export function casesTopicOf(options: ApiOptions): string {
  return (options as ApiOptions & CasesTopicOption).casesTopic ?? INPUT_TOPICS.caseEvents.name;
}

/** API options carrying a private case topic (for tests and benchmarks). */
export function withCasesTopic(topic: string, options: Partial<ApiOptions> = {}): Partial<ApiOptions> {
  const withTopic: Partial<ApiOptions> & CasesTopicOption = { ...options, casesTopic: topic };
  return withTopic;
}
