create table greeting (id bigint primary key, text varchar(200));
