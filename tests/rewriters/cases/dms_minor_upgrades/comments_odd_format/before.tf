# owned by platform team (see CODEOWNERS)
resource "aws_dms_replication_instance" "migrate" {
    replication_instance_id      =   "migrate"   # keep in sync with the runbook
    replication_instance_class = "dms.t3.medium"
    publicly_accessible        = false
    /* reviewed 2024-03 */
}
