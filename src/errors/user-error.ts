/**
 * The one kind of error whose message is meant for the person using the bot: a refusal in the bot's words ("There is
 * no FAQ entry #7 in this server.", "the link points to a private address"), not a failure. Every domain's refusal
 * extends it — `FaqError`, `IngestError`, `FetchPageError`, `InvalidInputError`, the interaction layer's `Refusal` —
 * so one place turns all of them into what a member reads: the interaction layer's dispatch answers any UserError a
 * gate or handler throws with its message, privately, and the console shows it as the answer's note. Anything else
 * thrown is a failure: logged with an error id, and the member gets an apology (`apology.ts`), never its message.
 *
 * As in Sapphire's `UserError`, an optional `identifier` names the kind of refusal for code and logs ('cooldown',
 * 'faq-busy'), and `context` carries what code may want to know about it (the seconds to wait); neither is shown.
 * In a folder of its own at the bottom layer, so every layer can throw it and none has to import another to do so.
 *
 * @example
 * throw new UserError('The FAQ belongs to a server: use it there.');
 * throw new UserError(`You're asking quickly — try again in ${wait} s.`, { identifier: 'cooldown', context: { seconds: wait } });
 */

export interface UserErrorOptions {
  /** What kind of refusal this is, for code and logs (never shown): 'cooldown', 'faq-busy', a FetchPageError's reason. */
  identifier?: string;
  /** Details for code and logs (never shown). */
  context?: Readonly<Record<string, unknown>>;
  /** The error this one restates. */
  cause?: unknown;
}

export class UserError extends Error {
  override name = 'UserError';
  readonly identifier: string | undefined;
  readonly context: Readonly<Record<string, unknown>> | undefined;

  /** `message` is what the member is told, as it is: a sentence in the bot's words. */
  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.identifier = options.identifier;
    this.context = options.context;
  }

  /**
   * The same refusal in the words of the place it reached, for a handler that says more around it ("Nothing was
   * added: …"): the identifier and context are kept, and this error becomes the cause.
   *
   * @example
   * catch (error) {
   *   if (error instanceof UserError) throw error.restated(`Nothing was added: ${error.message}`);
   *   throw error;
   * }
   */
  restated(message: string): UserError {
    return new UserError(message, {
      ...(this.identifier !== undefined ? { identifier: this.identifier } : {}),
      ...(this.context !== undefined ? { context: this.context } : {}),
      cause: this,
    });
  }
}

/**
 * A refusal's message as a sentence that ends in a full stop, for putting words after it.
 *
 * @example
 * asSentence('the file is over 2 MB') // → 'the file is over 2 MB.'
 * asSentence('Nothing was imported.') // → 'Nothing was imported.'
 */
export const asSentence = (message: string): string => message.replace(/\.?$/, '.');
