declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded runs: path of a migrated PGlite snapshot each test file loads. */
    embeddedSnapshot: string;
    /** Postgres runs: the migrated template database each test file copies. */
    postgresTemplate: { adminUrl: string; template: string };
  }
}
export {};
