-- Search: when no address matches street and number exactly (a mistyped street, a missing street
-- type), the addresses at the same house number are compared by similarity first. Few buildings
-- share a number, so this replaces a trigram scan of every address on a common street
-- (tens of milliseconds on a 200,000-building city) with a lookup of about a hundred rows.
CREATE INDEX building_address_number_range_gix ON building_address
    USING gist (int4range(number_low, number_high, '[]')) WHERE number_low IS NOT NULL;
