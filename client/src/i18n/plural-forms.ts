/**
 * The shape of a language's resources derived from the English one. Every English key is needed
 * (a missing one fails typecheck), and a language whose plurals have more forms than English
 * needs those too: for every `x_other` also `x_few` and `x_many` (Polish: "2 organizacje",
 * "5 organizacji"). An extra key fails as an excess property of the object literal.
 */
export type WithPluralForms<T, Forms extends string> = {
  [K in keyof T]: T[K] extends string ? string : WithPluralForms<T[K], Forms>;
} & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${Forms}` : never]: string;
};

/** The CLDR plural categories each language needs beyond English's `one` and `other`. */
export const EXTRA_PLURAL_FORMS = {
  en: [],
  pl: ['few', 'many'],
} as const satisfies Record<string, readonly string[]>;
