-- Who may see hazard data. Local accounts (passwords hashed with ASP.NET Core's PasswordHasher),
-- API clients for CAD (only a SHA-256 of the key is stored), and the audit log of every view of a
-- building's hazards.
CREATE TABLE app_user (
    user_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 64),
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('dispatcher', 'firefighter', 'steward', 'admin')),
    unit_id       text,
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'firefighter' OR unit_id IS NOT NULL)
);

CREATE TABLE api_client (
    client_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    key_sha256  text NOT NULL UNIQUE,
    role        text NOT NULL DEFAULT 'cad' CHECK (role IN ('cad')),
    disabled    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    audit_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    actor_role   text NOT NULL,
    action       text NOT NULL,
    building_id  bigint,
    incident_id  bigint,
    detail       text
);
CREATE INDEX audit_log_building_ix ON audit_log (building_id, at DESC);
