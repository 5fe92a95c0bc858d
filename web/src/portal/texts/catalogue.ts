/**
 * The portal's text catalogues (issue 19 item 7): every text a young person or parent reads in the portal comes
 * from one catalogue per language, all typed against the Dutch one (`Texts`), so a missing or extra key in any
 * language does not compile. Add a language by adding a file beside nl.ts and en.ts and a line in CATALOGUES.
 *
 * Dates are always in words ("5 december 2026", "5 December 2026"), never as codes; a code the catalogue does not
 * know shows as the catalogue's word for "something else", never raw.
 */
import { createContext, useContext } from 'react';
import { nl } from './nl';
import { en } from './en';
import type { Texts } from './types';

export type { Texts };

export const CATALOGUES = { nl, en } as const satisfies Record<string, Texts>;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/** The BCP 47 tag for Intl and the document's `lang`. */
const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export interface LanguageChoice {
  language: Language;
  t: Texts;
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageChoice>({ language: 'nl', t: nl, setLanguage: () => undefined });

/** The texts of the chosen language. */
export function useTexts(): Texts {
  return useContext(LanguageContext).t;
}

export function useLanguage(): LanguageChoice {
  return useContext(LanguageContext);
}

const STORAGE_KEY = 'dw-portal-language';

/** The language chosen before on this device, else Dutch. */
export function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored !== null && (LANGUAGES as string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage may be off (private mode); Dutch it is.
  }
  return 'nl';
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice holds for this page only.
  }
}

/** A label from a code table; an unknown code reads as the catalogue's "something else", never as the code. */
export function labelOf(t: Texts, table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return t.common.unknown;
  return table[code] ?? t.common.unknown;
}

/** Dates and moments in words in the chosen language, in Dutch time (the organisation's calendar). */
export function dateWords(language: Language) {
  const locale = LOCALES[language];
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  const t = CATALOGUES[language];
  const parse = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value));
  return {
    /** '2026-12-05' or a timestamp → "5 december 2026". */
    date(value: string | null | undefined): string {
      if (value === null || value === undefined || value === '') return t.common.noDate;
      const d = parse(value);
      return Number.isNaN(d.getTime()) ? t.common.noDate : date.format(d);
    },
    /** A timestamp → "5 december 2026 om 14:05"; a calendar date → its date only. */
    moment(value: string | null | undefined): string {
      if (value === null || value === undefined || value === '') return t.common.noDate;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return this.date(value);
      const d = parse(value);
      return Number.isNaN(d.getTime()) ? t.common.noDate : t.common.at(date.format(d), time.format(d));
    },
  };
}

export function localeOf(language: Language): string {
  return LOCALES[language];
}
