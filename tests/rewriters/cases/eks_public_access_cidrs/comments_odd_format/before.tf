# owned by platform team (see CODEOWNERS)
resource "aws_eks_cluster" "main" {
    name       =   "main"   # keep in sync with the runbook
    role_arn = aws_iam_role.cluster.arn

    vpc_config {
        subnet_ids              = aws_subnet.private[*].id
        endpoint_private_access = true
        public_access_cidrs     = ["0.0.0.0/0"]
    }
    /* reviewed 2024-03 */
}
