// The language of an answer's words, from `Accept-Language`: Welsh when the client prefers it, else English.
import type { Request, Response } from 'express';
import type { Language } from '../messages/messages';

/** `cy` or `en` as the request's Accept-Language ranks them; English when it names neither, or is absent. */
export function askedLanguage(req: Request): Language {
  // Most requests carry no Accept-Language: they need no negotiation.
  if (req.headers['accept-language'] === undefined) return 'en';
  return (req.acceptsLanguages('en', 'cy') || 'en') as Language;
}

/** Says which language an answer's words are in, and that the answer depends on the language asked. */
export function setLanguageHeaders(res: Response, language: Language): void {
  res.setHeader('Content-Language', language);
  // Added to what is there (CORS sets `Vary: Origin`), without a parse of it.
  const vary = res.getHeader('Vary');
  res.setHeader('Vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
}
