// Checks SQL statements against the Trino grammar of dt-sql-parser (what Athena's engine v3 parses), or against
// its Hive grammar for statements marked "dialect": "hive" (Athena runs DDL such as CREATE EXTERNAL TABLE as Hive).
// Input: SQL files as arguments (the id is the path), or else a JSON array of {"id", "sql", "dialect"?} on stdin.
// Output: one line per error, "id:line:column: message" (1-based); exit 0 when all are valid, 1 when
// any is not, 2 when the input itself is unusable.
// dt-sql-parser ships ES modules with directory imports that Node cannot load, hence the esbuild bundle.
import { readFileSync } from 'node:fs';
import { HiveSQL, TrinoSQL } from 'dt-sql-parser';

function statements() {
  const files = process.argv.slice(2);
  if (files.length > 0) return files.map((file) => ({ id: file, sql: readFileSync(file, 'utf8') }));
  const input = JSON.parse(readFileSync(0, 'utf8'));
  if (!Array.isArray(input) || !input.every((s) => typeof s?.id === 'string' && typeof s?.sql === 'string'
      && [undefined, 'trino', 'hive'].includes(s?.dialect)))
    throw new Error('stdin must be a JSON array of {"id": string, "sql": string, "dialect"?: "trino" | "hive"}');
  return input;
}

try {
  const parsers = { trino: new TrinoSQL(), hive: new HiveSQL() };
  let invalid = 0;
  for (const { id, sql, dialect } of statements()) {
    const parser = parsers[dialect ?? 'trino'];
    const errors = parser.validate(sql);
    // Athena runs one statement per query; the grammar alone accepts "a; b" and the empty text.
    const count = errors.length === 0 ? parser.splitSQLByStatement(sql)?.length ?? 0 : 1;
    if (count !== 1) errors.push({ startLine: 1, startColumn: 1, message: `expected one statement, found ${count}` });
    if (errors.length > 0) invalid++;
    // One error per line, even when a message quotes a token that spans lines.
    for (const e of errors) console.log(`${id}:${e.startLine}:${e.startColumn}: ${e.message.replace(/\s+/g, ' ')}`);
  }
  process.exitCode = invalid > 0 ? 1 : 0;
} catch (error) {
  console.error(`trino-grammar: ${error.message}`);
  process.exitCode = 2;
}
