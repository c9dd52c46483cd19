-- NewsExtract worker schema, version 1 (applied by the worker at start; see docs/scale.md).
-- One row per article in `articles`; its entities, mentions and quotes hang off it by article_id
-- and are replaced as a whole when the article is stored again (a redelivered message replaces its
-- rows, never duplicates them). Offsets are UTF-16 code units into the article text, end exclusive,
-- exactly as in the JSON of ../shared/CONTRACT.md; `analysis` keeps that JSON whole for anything
-- the columns do not cover.

CREATE TABLE articles (
    article_id    text        PRIMARY KEY,              -- the message's "id" (a number is kept as its digits)
    title         text,                                 -- the title the analysis found, if any
    text_length   integer     NOT NULL,                 -- length of the text in UTF-16 code units
    published_at  timestamptz,                          -- the message's "published" field when it is a date
    fields        jsonb       NOT NULL DEFAULT '{}',    -- the message's other fields (not "id", not "text")
    analysis      jsonb       NOT NULL,                 -- the analysis as CONTRACT.md JSON
    stored_at     timestamptz NOT NULL DEFAULT now(),   -- when this version was committed
    store_count   integer     NOT NULL DEFAULT 1        -- how many times the article was stored (redeliveries)
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_stored_at ON articles (stored_at);

CREATE TABLE entities (
    article_id    text        NOT NULL REFERENCES articles ON DELETE CASCADE,
    entity_id     integer     NOT NULL,                 -- "id" of the entity within its article
    type          text        NOT NULL CHECK (type IN ('Person', 'Organization', 'Location')),
    name          text        NOT NULL,
    aliases       text[]      NOT NULL,
    mention_count integer     NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX entities_name ON entities (lower(name));
CREATE INDEX entities_type_name ON entities (type, name);

CREATE TABLE mentions (
    article_id    text        NOT NULL REFERENCES articles ON DELETE CASCADE,
    mention_index integer     NOT NULL,                 -- position in the article's mention list (text order)
    start_offset  integer     NOT NULL,
    end_offset    integer     NOT NULL,
    text          text        NOT NULL,
    type          text        NOT NULL,
    entity_id     integer     NOT NULL,
    confidence    real        NOT NULL,
    PRIMARY KEY (article_id, mention_index)
);
CREATE INDEX mentions_entity ON mentions (article_id, entity_id);

CREATE TABLE quotes (
    article_id        text    NOT NULL REFERENCES articles ON DELETE CASCADE,
    quote_index       integer NOT NULL,                 -- position in the article's quote list (text order)
    start_offset      integer NOT NULL,
    end_offset        integer NOT NULL,
    text              text    NOT NULL,
    kind              text    NOT NULL CHECK (kind IN ('Direct', 'Partial', 'Indirect')),
    speaker_entity_id integer,                          -- NULL when no speaker was found or it has no entity
    speaker_name      text,
    speaker_start     integer,                          -- the speaker mention in the attribution, when present
    speaker_end       integer,
    speaker_text      text,
    cue_start         integer,
    cue_end           integer,
    cue_text          text,
    PRIMARY KEY (article_id, quote_index)
);
CREATE INDEX quotes_speaker_name ON quotes (lower(speaker_name));
CREATE INDEX quotes_speaker_entity ON quotes (article_id, speaker_entity_id);
