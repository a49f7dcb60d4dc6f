/** The stylesheet's sources, in order. */
export declare const STYLESHEET_SOURCES: string[];
/** The text of `dist/styles.css`, read from the sources. */
export declare function readStylesheet(): string;
