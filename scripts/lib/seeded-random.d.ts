// Types for seeded-random.js, so TypeScript tests can import it (tsconfig has no allowJs).

/** A generator of numbers in [0, 1) that gives the same sequence for the same seed (mulberry32). */
export declare function seededRandom(seed: number): () => number;
