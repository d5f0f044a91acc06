/**
 * The import rules of the server's layers (see docs/architecture.md), checked by `npm run lint`:
 * no cycles; shared layers never import a feature; features use each other only through a
 * feature's index.ts (or its schemas, which are the public contract); routes reach SQL only
 * through their service; the web app and the server share nothing but the generated API types.
 */
const SHARED_LAYERS = '^server/src/(plugins|db|geo|config|items|policy|markdown|jobs|mail|storage)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order matter and layers meaningless. A Svelte component that draws a tree renders itself; that is recursion, not a cycle.',
      from: { pathNot: '^web/src/lib/components/(MarkdownNodes|CommentItem)\\.svelte$' },
      to: { circular: true },
    },
    {
      name: 'shared-layers-never-import-features',
      severity: 'error',
      comment:
        'plugins/, db/, geo/, config/, items/, policy/, markdown/, jobs/, mail/ and storage/ sit below every feature.',
      from: { path: SHARED_LAYERS },
      to: { path: '^server/src/(modules|seed)/|^server/src/(app|main)\\.ts$' },
    },
    {
      name: 'features-meet-through-entry-points',
      severity: 'error',
      comment: "A feature may use another only through that feature's index.ts or schemas.ts.",
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/(index|schemas)\\.ts$'],
      },
    },
    {
      name: 'routes-reach-sql-through-services',
      severity: 'error',
      comment: 'routes.ts is HTTP only: rules and transactions live in a service, SQL in queries.',
      from: { path: '^server/src/modules/[^/]+/routes\\.ts$' },
      to: { path: 'queries\\.ts$' },
    },
    {
      name: 'web-and-server-stay-apart',
      severity: 'error',
      comment: 'The web app gets the server’s types from the generated OpenAPI types only.',
      from: { path: '^web/src/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-never-imports-tests-or-bench',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(tests|bench|tools)/' },
    },
    {
      name: 'tests-and-bench-share-through-tools',
      severity: 'error',
      comment:
        'What tests and the benchmark both need (free ports, throwaway PostgreSQL clusters) lives in tools/, which stands alone.',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'tools-stand-alone',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^(server|web|tests|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web/dist|node_modules|data|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.svelte', '.json'],
    },
  },
};
