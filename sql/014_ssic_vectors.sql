-- Sentence-embedding vectors of the SSIC titles, per reference version and model, for resolution by meaning; real[] because pgvector is not available, ranked in memory.
CREATE TABLE ssic_vectors (
    version  text NOT NULL,
    model    text NOT NULL,
    code     text COLLATE "C" NOT NULL,
    vector   real[] NOT NULL,
    PRIMARY KEY (version, model, code),
    FOREIGN KEY (version, code) REFERENCES ssic_ref (version, code) ON DELETE CASCADE
);
