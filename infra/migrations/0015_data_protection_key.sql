-- ASP.NET Core Data Protection's key ring (what signs and encrypts the sign-in and antiforgery cookies),
-- shared by every web node: a cookie issued by one node is read by the next. Each row is one key (or
-- revocation) as the framework writes it, encrypted with the key-encryption key when one is configured
-- (Security:DataProtection:KeyEncryptionKeyFile). Rows are only ever added; the framework keeps old keys
-- to read what they protected.
CREATE TABLE data_protection_key (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
