-- The user lacs-ld publishes as, and the one endpoint that lets it update: /sparql-lacs,
-- HTTP basic authentication (the remote backend's LACS_LD_REMOTE_USER and
-- LACS_LD_REMOTE_PASSWORD). /sparql stays read-only for everyone. ${password} and
-- ${dba_password} are chosen by whoever runs it: `isql-vt <sql port> dba dba setup.sql`.
DB.DBA.USER_CREATE ('lacs', '${password}');
GRANT SPARQL_UPDATE TO "lacs";
DB.DBA.VHOST_DEFINE (lhost=>'*ini*', vhost=>'*ini*', lpath=>'/sparql-lacs', ppath=>'/!sparql/',
  is_dav=>1, vsp_user=>'dba', opts=>vector ('noinherit', 1),
  auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'basic');
USER_SET_PASSWORD ('dba', '${dba_password}');
