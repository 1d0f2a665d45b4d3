-- Incidents opened from the dispatch console (or by CAD), the apparatus that can be sent, and who was
-- assigned to what. Units are per department; the sample city seeds East Boston's companies.

CREATE TABLE unit (
    unit_id       text PRIMARY KEY CHECK (unit_id ~ '^[A-Z0-9-]{1,16}$'),
    name          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('engine', 'ladder', 'tower', 'rescue', 'hazmat', 'squad', 'chief', 'marine', 'ems', 'special')),
    station       text NOT NULL,
    -- Recommendation codes this unit answers ("tower-ladder", "hazmat-company", "foam", ...).
    capabilities  text[] NOT NULL DEFAULT '{}',
    in_service    boolean NOT NULL DEFAULT true
);

CREATE TABLE incident (
    incident_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Kept when a later assessing run drops the parcel: the incident and its address must survive.
    building_id   bigint REFERENCES building ON DELETE SET NULL,
    address_text  text NOT NULL,
    incident_type text NOT NULL CHECK (length(incident_type) BETWEEN 1 AND 64),
    notes         text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_at     timestamptz NOT NULL DEFAULT now(),
    opened_by     text NOT NULL,
    closed_at     timestamptz,
    closed_by     text
);
CREATE INDEX incident_open_ix ON incident (building_id) WHERE status = 'open';

CREATE TABLE incident_unit (
    incident_id  bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
    unit_id      text NOT NULL REFERENCES unit,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    assigned_by  text NOT NULL,
    PRIMARY KEY (incident_id, unit_id)
);
CREATE INDEX incident_unit_unit_ix ON incident_unit (unit_id);

-- Search by owner and by business name ("porter medical", "city of boston"), by trigram word similarity.
CREATE INDEX building_owner_trgm ON building USING gin ((attrs ->> 'owner') gin_trgm_ops);
CREATE INDEX feed_record_business_trgm ON feed_record USING gin ((attrs ->> 'businessName') gin_trgm_ops)
    WHERE attrs ? 'businessName';
