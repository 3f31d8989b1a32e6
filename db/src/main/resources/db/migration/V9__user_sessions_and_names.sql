-- Sessions end when a user's role, agent, enabled flag or password changes: each session remembers the version it
-- logged in with, and a request whose session is older than the user's row is logged out (qa-console: users feature).
alter table app_user add column session_version bigint not null default 0;

-- User names are unique regardless of case ('Alice' and 'alice' are one user) and log in case-insensitively.
-- An existing database with two such names fails here: rename one of them first.
create unique index app_user_username_lower_idx on app_user (lower(username));
