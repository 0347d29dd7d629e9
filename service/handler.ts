// Every handler is built through `handler()`: it parses the arguments with the
// contract's schema (Vietnamese messages), then runs the implementation, and any
// failure leaves as a ServiceError. So the handler map validates on its own,
// whichever transport calls it, and even when called directly.
import type { z } from 'zod';
import { handlerArgs, type HandlerName, type HandlerResults, type Handlers } from '../core/api';
import { invalidArgs, toServiceError } from './errors';
import { vietnameseIssueMessage } from '../core/validation/vietnamese-issues';

export type ParsedArgs<N extends HandlerName> = z.output<(typeof handlerArgs)[N]>;

export function handler<N extends HandlerName>(
  name: N,
  implementation: (args: ParsedArgs<N>) => HandlerResults[N] | Promise<HandlerResults[N]>,
): Handlers[N] {
  // The indexed schema's type is a union over every handler; for this N it is exactly ParsedArgs<N>.
  const schema = handlerArgs[name] as unknown as z.ZodType<ParsedArgs<N>>;
  const run = async (args: unknown): Promise<HandlerResults[N]> => {
    const parsed = schema.safeParse(args, { error: vietnameseIssueMessage });
    if (!parsed.success) throw invalidArgs(parsed.error);
    try {
      return await implementation(parsed.data);
    } catch (error) {
      throw toServiceError(error);
    }
  };
  return run as Handlers[N];
}
