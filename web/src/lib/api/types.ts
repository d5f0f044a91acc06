/**
 * The API's types, picked out of schema.d.ts. That file is generated from the server's route
 * schemas (`npm run api:types`), so the clients beside this file take every answer and request
 * type from the server instead of keeping copies that could drift.
 */
import type { components, paths } from './schema';

/** A named schema of the API, e.g. `Schema<'Place'>`; the names are the server schemas' `$id`s. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<Path extends keyof paths, M extends Method> = NonNullable<paths[Path][M]>;
type Json<Content> = Content extends { content: { 'application/json': infer Body } }
  ? Body
  : Content extends { content: { 'application/geo+json': infer Body } }
    ? Body
    : never;
type Responses<Path extends keyof paths, M extends Method> = Operation<Path, M>['responses'];

/** The JSON a route answers with when it succeeds, e.g. `Answer<'/api/config'>`. */
export type Answer<Path extends keyof paths, M extends Method = 'get'> = {
  [Status in keyof Responses<Path, M>]: Status extends 200 | 201 | 202 ? Json<Responses<Path, M>[Status]> : never;
}[keyof Responses<Path, M>];

/** The JSON body a route takes, e.g. `RequestBody<'/api/posts', 'post'>`. */
export type RequestBody<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { requestBody?: infer Body } ? Json<NonNullable<Body>> : never;

/** A route's query parameters, by the names the server reads. */
export type Query<Path extends keyof paths, M extends Method = 'get'> = NonNullable<
  Operation<Path, M>['parameters']['query']
>;
