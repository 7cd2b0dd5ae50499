/** The English catalogue of an area has exactly the Swedish one's keys, each a string. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
