// The "second subgraph" of the composition suite: a small service that owns one field of its own on
// DigitalOceanImage (by its @key) and a root field that returns image references only.
import { parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { makeExecutableSchema } from '@graphql-tools/schema';

/** Deterministic per uuid, so assertions can recompute it. */
export const popularity = (uuid) => [...uuid].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 1000, 7);

const federatedTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    "Images this service features, as references the Waldur subgraph completes."
    featuredImages: [DigitalOceanImage!]!
  }

  type DigitalOceanImage @key(fields: "uuid") {
    uuid: String!
    "How often the image is picked, 0..999."
    popularity: Int!
  }
`);

/** The Apollo Federation v2 subgraph. */
export function insightsSubgraphSchema(featuredUuids) {
  return buildSubgraphSchema([{
    typeDefs: federatedTypeDefs,
    resolvers: {
      Query: { featuredImages: () => featuredUuids.map((uuid) => ({ uuid })) },
      DigitalOceanImage: {
        __resolveReference: ({ uuid }) => ({ uuid }),
        popularity: ({ uuid }) => popularity(uuid),
      },
    },
  }]);
}

/** The same service as a plain schema for stitching, with a batch lookup for type merging. */
export function insightsStitchingSchema(featuredUuids) {
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        featuredImages: [DigitalOceanImage!]!
        imageInsightsByUuids(uuids: [String!]!): [DigitalOceanImage]!
      }
      type DigitalOceanImage { uuid: String! popularity: Int! }
    `,
    resolvers: {
      Query: {
        featuredImages: () => featuredUuids.map((uuid) => ({ uuid })),
        imageInsightsByUuids: (_, { uuids }) => uuids.map((uuid) => ({ uuid })),
      },
      DigitalOceanImage: { popularity: ({ uuid }) => popularity(uuid) },
    },
  });
}
