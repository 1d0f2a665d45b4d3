-- Where an audited action came from: the client's address (the proxy's forwarded one when the proxy is
-- trusted, see Security:ForwardedHeaders) and its user agent (cut to 512 characters). NULL before.
ALTER TABLE audit_log
    ADD COLUMN client_address inet,
    ADD COLUMN user_agent text CHECK (length(user_agent) <= 512);

-- Failed sign-ins per user name, shared by every web node and kept across restarts: after
-- Security:SignIn:LockoutAfterFailures failures within FailureWindow of the first, the name is locked
-- until locked_until. Names that are no account are counted too, so a lockout does not tell which exist.
-- A successful sign-in deletes the row; an administrator unlocks a name the same way.
CREATE TABLE sign_in_lockout (
    username           text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
    failures           integer NOT NULL CHECK (failures >= 1),
    window_started_at  timestamptz NOT NULL,
    locked_until       timestamptz
);
