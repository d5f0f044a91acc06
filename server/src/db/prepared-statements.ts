/**
 * Which statements a PostgreSQL connection runs prepared, under names of its own.
 *
 * Running a prepared statement again skips parsing it, a measurable part of a short radius query
 * (docs/performance.md). The server keeps each one parsed, which costs memory per connection
 * (pg_backend_memory_contexts shows it), so a statement is prepared only when it comes a second time
 * (the demo data's inserts and lists of varying length come once), and a connection prepares
 * at most PREPARED_PER_CONNECTION.
 */
const PREPARED_PER_CONNECTION = 100;
/** Texts a connection remembers having run once, before it starts over. */
const SEEN_PER_CONNECTION = 1000;

export class PreparedStatements {
  readonly #names = new Map<string, string>();
  /** Texts never to prepare again, because their prepared form went stale. */
  readonly #retired = new Set<string>();
  #seenOnce = new Set<string>();
  #prepared = 0;

  /** The name to run `sql` under, or undefined to send it unnamed. */
  nameOf(sql: string): string | undefined {
    const name = this.#names.get(sql);
    if (name !== undefined || this.#prepared >= PREPARED_PER_CONNECTION || this.#retired.has(sql)) return name;
    if (!this.#seenOnce.has(sql)) {
      if (this.#seenOnce.size >= SEEN_PER_CONNECTION) this.#seenOnce = new Set();
      this.#seenOnce.add(sql);
      return undefined;
    }
    this.#seenOnce.delete(sql);
    this.#prepared += 1;
    const newName = `s${this.#prepared}`;
    this.#names.set(sql, newName);
    return newName;
  }

  /** From now on `sql` is sent unnamed: its prepared form no longer fits the tables it reads. */
  retire(sql: string): void {
    this.#names.delete(sql);
    this.#retired.add(sql);
  }
}
