-- Revision: abc123def456
-- REVISES: BASE

-- +UPGRADE
create table t (id bigint primary key, v numeric(5,2) default 0.5 not null);
insert into t (id, v) values (1, 1.25), (2, -0.5e1);
alter table t alter column v type double precision using v::float8;
Delete From t Where id = 1;
-- +Downgrade
drop table t;
