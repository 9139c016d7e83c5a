-- The user lacs-ld publishes as, and the one endpoint that lets it update: /sparql-lacs,
-- HTTP basic authentication (the remote backend's LACS_LD_REMOTE_USER and
-- LACS_LD_REMOTE_PASSWORD). /sparql stays read-only for everyone. ${password} and
-- ${dba_password} are chosen by whoever runs it: `isql-vt <sql port> dba dba setup.sql`.
DB.DBA.USER_CREATE ('lacs', '${password}');
GRANT SPARQL_UPDATE TO "lacs";
DB.DBA.VHOST_DEFINE (lhost=>'*ini*', vhost=>'*ini*', lpath=>'/sparql-lacs', ppath=>'/!sparql/',
  is_dav=>1, vsp_user=>'dba', opts=>vector ('noinherit', 1),
  auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'basic');
-- The published graphs' union as one graph, LACS_LD_SPARQL_DEFAULT_GRAPH (${base} is
-- LACS_LD_BASE_URI): Virtuoso plans a query over one graph group far faster than over four
-- default graphs.
DB.DBA.RDF_GRAPH_GROUP_CREATE ('${base}graph/', 1);
DB.DBA.RDF_GRAPH_GROUP_INS ('${base}graph/', '${base}graph/data');
DB.DBA.RDF_GRAPH_GROUP_INS ('${base}graph/', '${base}graph/vocabulary');
DB.DBA.RDF_GRAPH_GROUP_INS ('${base}graph/', '${base}graph/shapes');
DB.DBA.RDF_GRAPH_GROUP_INS ('${base}graph/', '${base}graph/meta');
USER_SET_PASSWORD ('dba', '${dba_password}');
