-- Tables of Quartz.NET's ADO job store (StdAdoDelegate / PostgreSQLDelegate), used when
-- Ingest:Clustered is on so that several ingest nodes share one schedule and run each job once.
-- Names and columns are the contract Quartz expects; the rest of BIS never touches them.

CREATE TABLE qrtz_job_details (
    sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL, description text,
    job_class_name text NOT NULL, is_durable bool NOT NULL, is_nonconcurrent bool NOT NULL,
    is_update_data bool NOT NULL, requests_recovery bool NOT NULL, job_data bytea,
    PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_triggers (
    sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
    job_name text NOT NULL, job_group text NOT NULL, description text,
    next_fire_time bigint, prev_fire_time bigint, priority integer, trigger_state text NOT NULL,
    trigger_type text NOT NULL, start_time bigint NOT NULL, end_time bigint, calendar_name text,
    misfire_instr smallint, misfire_orig_fire_time bigint, execution_group varchar(200),
    preferred_node varchar(200), preferred_node_auto bool NOT NULL DEFAULT false, job_data bytea,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_simple_triggers (
    sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
    repeat_count bigint NOT NULL, repeat_interval bigint NOT NULL, times_triggered bigint NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

CREATE TABLE qrtz_simprop_triggers (
    sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
    str_prop_1 text, str_prop_2 text, str_prop_3 text, int_prop_1 integer, int_prop_2 integer,
    long_prop_1 bigint, long_prop_2 bigint, dec_prop_1 numeric, dec_prop_2 numeric,
    bool_prop_1 bool, bool_prop_2 bool, time_zone_id text,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

CREATE TABLE qrtz_cron_triggers (
    sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
    cron_expression text NOT NULL, time_zone_id text,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

CREATE TABLE qrtz_blob_triggers (
    sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, blob_data bytea,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

CREATE TABLE qrtz_calendars (
    sched_name text NOT NULL, calendar_name text NOT NULL, calendar bytea NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE qrtz_paused_trigger_grps (
    sched_name text NOT NULL, trigger_group text NOT NULL,
    PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE qrtz_fired_triggers (
    sched_name text NOT NULL, entry_id text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
    instance_name text NOT NULL, fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL,
    state text NOT NULL, job_name text, job_group text, is_nonconcurrent bool NOT NULL, requests_recovery bool,
    execution_group varchar(200),
    PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE qrtz_scheduler_state (
    sched_name text NOT NULL, instance_name text NOT NULL, last_checkin_time bigint NOT NULL,
    checkin_interval bigint NOT NULL,
    PRIMARY KEY (sched_name, instance_name)
);

CREATE TABLE qrtz_locks (
    sched_name text NOT NULL, lock_name text NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);

CREATE INDEX qrtz_triggers_next_fire_ix ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX qrtz_triggers_job_ix ON qrtz_triggers (sched_name, job_group, job_name);
CREATE INDEX qrtz_fired_triggers_instance_ix ON qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX qrtz_fired_triggers_trigger_ix ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX qrtz_fired_triggers_job_ix ON qrtz_fired_triggers (sched_name, job_name, job_group);
